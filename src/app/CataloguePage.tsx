/** The catalogue: every product a trainee can study, with its category and the kinds of tell it teaches. */
import { useEffect, useState } from 'react';
import { api, type ProductSummary } from './api';
import { navigate } from './route';
import { categoryLabel, tellCategoryLabel } from './labels';
import { LoadingBar } from './LoadingBar';

export function CataloguePage() {
  const [products, setProducts] = useState<ProductSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.catalogue().then(setProducts, (e: Error) => setError(e.message));
  }, []);

  if (error) return <main className="page"><p role="alert" className="error">Could not load the catalogue: {error}</p></main>;
  if (!products) return <main className="page"><LoadingBar label="Loading the catalogue" /></main>;
  return (
    <main className="page">
      <h1>Choose a product to study</h1>
      <p className="lead">Each product stands beside a counterfeit seized in the field. Turn them, compare them, and learn where the fakes give themselves away.</p>
      <ul className="catalogue" aria-label="Catalogue">
        {products.map((p) => (
          <li key={p.id}>
            <button className="product-card" onClick={() => navigate({ product: p.id, variant: null })} aria-label={`${p.name}, ${categoryLabel(p.category)}`}>
              <span className="card-category">{categoryLabel(p.category)}</span>
              <span className="card-name">{p.name}</span>
              <span className="card-brand">{p.brand}</span>
              <span className="card-meta">
                {p.variants.filter((v) => v.kind === 'counterfeit').length} counterfeits · {p.variants.reduce((n, v) => n + v.tells, 0)} tells
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
