/** The authoring studio: the product list and the new-product form, or one product's editor or review. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useSession } from '../session';
import { navigate } from '../route';
import { ContentPacks } from './ContentPacks';
import { NewProductForm } from './NewProductForm';
import { ProductEditor } from './ProductEditor';
import { exportPackUrl, studioApi, type VersionStatus, type VersionSummary } from './studio-api';
import './studio.css';
import { useLocalText } from '../../i18n/text';

export function StatusBadge({ status }: { status: VersionStatus }) {
  const { t } = useTranslation('studio');
  return <span className={`status-badge status-${status}`}>{t(`status.${status}`)}</span>;
}

const SECTIONS: { title: 'drafts' | 'inReview' | 'published'; statuses: VersionStatus[] }[] = [
  { title: 'drafts', statuses: ['draft', 'returned'] },
  { title: 'inReview', statuses: ['in_review'] },
  { title: 'published', statuses: ['published', 'superseded'] },
];

type BuiltIn = Awaited<ReturnType<typeof studioApi.builtIn>>[number];

function ProductList({ refresh, mayExport }: { refresh: number; mayExport: boolean }) {
  const { t: packs } = useTranslation('packs');
  const { t } = useTranslation('studio');
  const text = useLocalText();
  const [lists, setLists] = useState<{ products: VersionSummary[]; builtIn: BuiltIn[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([studioApi.list(), studioApi.builtIn()]).then(([products, builtIn]) => setLists({ products, builtIn }), (e: Error) => setError(e.message));
  }, [refresh]);
  if (error) return <p role="alert" className="error">{error}</p>;
  if (!lists) return <p className="lead">{t('loadingProducts')}</p>;
  const exportLink = (productId: string) => mayExport && <a className="tell-sub" href={exportPackUrl(productId)} download>{packs('exportOne')}</a>;
  return (
    <>
      {SECTIONS.map((section) => {
        const rows = lists.products.filter((p) => section.statuses.includes(p.status));
        const builtIn = section.title === 'published' ? lists.builtIn : [];
        return (
          <section key={section.title} aria-label={t(`section.${section.title}`)} className="studio-section">
            <h2>{t(`section.${section.title}`)}</h2>
            {rows.length + builtIn.length === 0 ? (
              <p className="lead">{t('none')}</p>
            ) : (
              <ul className="studio-list">
                {rows.map((p) => (
                  <li key={p.productId}>
                    <button className="link" onClick={() => navigate({ page: 'studio', product: p.productId })}>{text(p.name)}</button>
                    <span className="tell-sub">{t('version', { version: p.version })}</span> <StatusBadge status={p.status} />
                    {p.status === 'published' && exportLink(p.productId)}
                  </li>
                ))}
                {builtIn.map((p) => (
                  <li key={p.productId}>
                    <button className="link" title={t('builtInNote')} onClick={() => navigate({ page: 'catalogue', product: p.productId })}>{text(p.name)}</button>
                    <span className="status-badge status-built-in" title={t('builtInNote')}>{t('builtIn')}</span>
                    {exportLink(p.productId)}
                  </li>
                ))}
              </ul>
            )}
            {builtIn.length > 0 && <p className="tell-sub">{t('builtInNote')}</p>}
          </section>
        );
      })}
    </>
  );
}

export function StudioPage({ productId }: { productId: string | null }) {
  const { user, loaded } = useSession();
  const [imports, setImports] = useState(0);
  const { t } = useTranslation('studio');
  if (!loaded) return <main className="page" />;
  if (!hasRole(user, ['author', 'reviewer', 'admin'])) {
    return (
      <main className="page">
        <p role="alert" className="error">{t('forAuthors')}</p>
      </main>
    );
  }
  if (productId) return <ProductEditor productId={productId} user={user!} />;
  return (
    <main className="page studio-home">
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      <ProductList refresh={imports} mayExport={hasRole(user, ['author', 'admin'])} />
      {hasRole(user, ['author', 'admin']) && <NewProductForm onCreated={(id) => navigate({ page: 'studio', product: id })} />}
      {hasRole(user, ['author', 'admin']) && <ContentPacks canPublish={hasRole(user, ['admin'])} onImported={() => setImports((n) => n + 1)} />}
    </main>
  );
}
