/** The catalogue: every product a trainee can study, with its category and the kinds of tell it teaches. */
import { useEffect, useState } from 'react';
import { api, type ProductSummary } from './api';
import { navigate } from './route';
import { categoryLabel, tellCategoryLabel } from './labels';
import { LoadingBar } from './LoadingBar';
import { useTranslation } from 'react-i18next';
import { useLocalText } from '../i18n/text';

export function CataloguePage() {
  const { t } = useTranslation('catalogue');
  const text = useLocalText();
  const [products, setProducts] = useState<ProductSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.catalogue().then(setProducts, (e: Error) => setError(e.message));
  }, []);

  if (error) return <main className="page"><p role="alert" className="error">{t('loadError', { error })}</p></main>;
  if (!products) return <main className="page"><LoadingBar label={t('loading')} /></main>;
  return (
    <main className="page">
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      <ul className="catalogue" aria-label={t('list')}>
        {products.map((p) => (
          <li key={p.id}>
            <button className="product-card" onClick={() => navigate({ product: p.id, variant: null })}>
              <span className="card-category">{categoryLabel(p.category)}</span>
              <span className="card-name">{text(p.name)}</span>
              <span className="card-brand">{p.brand}</span>
              <span className="card-meta">
                {t('counterfeits', { count: p.variants.filter((v) => v.kind === 'counterfeit').length })} · {t('tells', { count: p.variants.reduce((n, v) => n + v.tells, 0) })}
              </span>
              <span className="chips">
                {p.tellCategories.map((c) => (
                  <span key={c} className={`chip chip-${c}`}>{tellCategoryLabel(c)}</span>
                ))}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
