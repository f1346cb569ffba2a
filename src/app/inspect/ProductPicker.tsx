/**
 * Choosing the product in front of the officer: by its name (the catalogue, searched on the device),
 * by the barcode's GTIN (the server looks it up and says what is wrong with a mistyped one), or by
 * scanning it (the Scan page offers "Inspect" on each match).
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalText } from '../../i18n/text';
import { api, type ProductSummary } from '../api';
import { navigate } from '../route';
import { inspectApi } from './inspect-api';
import { searchCatalogue } from './listing';

export function ProductPicker() {
  const { t } = useTranslation('inspect');
  const text = useLocalText();
  const [catalogue, setCatalogue] = useState<ProductSummary[] | null>(null);
  const [query, setQuery] = useState('');
  const [gtin, setGtin] = useState('');
  const [gtinError, setGtinError] = useState<string | null>(null);
  const [looking, setLooking] = useState(false);

  useEffect(() => {
    let live = true;
    api.catalogue().then((c) => live && setCatalogue(c), () => live && setCatalogue([]));
    return () => {
      live = false;
    };
  }, []);
  const found = useMemo(() => searchCatalogue(catalogue ?? [], query, (p) => text(p.name)), [catalogue, query, text]);
  const open = (productId: string) => navigate({ page: 'inspect', product: productId });

  const lookUp = async () => {
    const code = gtin.replace(/[\s-]/g, '');
    if (!code) return;
    setLooking(true);
    setGtinError(null);
    try {
      open((await inspectApi.byGtin(code)).id);
    } catch (e) {
      setGtinError(e instanceof Error ? e.message : String(e));
    } finally {
      setLooking(false);
    }
  };

  return (
    <section className="inspect-pick" aria-labelledby="inspect-pick-h">
      <h2 id="inspect-pick-h">{t('pickHeading')}</h2>
      <div className="pick-ways">
        <div className="pick-way">
          <label className="field">
            {t('byName')}
            <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
          </label>
          {query.trim() && (
            <ul className="pick-found" aria-label={t('foundProducts')}>
              {found.length === 0 && <li className="tell-sub">{t('noneFound')}</li>}
              {found.map((p) => (
                <li key={p.id}>
                  <button type="button" className="link" onClick={() => open(p.id)}>
                    {t('inspectProduct', { name: text(p.name), brand: p.brand })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <form
          className="pick-way"
          onSubmit={(e) => {
            e.preventDefault();
            void lookUp();
          }}
        >
          <label className="field">
            {t('byGtin')}
            <input inputMode="numeric" value={gtin} onChange={(e) => setGtin(e.target.value)} aria-invalid={gtinError ? true : undefined} aria-describedby={gtinError ? 'gtin-error' : undefined} autoComplete="off" />
          </label>
          <button type="submit" className="secondary" disabled={looking || !gtin.trim()}>{t('findGtin')}</button>
          {gtinError && <p id="gtin-error" role="alert" className="error">{gtinError}</p>}
        </form>
        <div className="pick-way">
          <p>{t('byScan')}</p>
          <button type="button" className="primary" onClick={() => navigate({ page: 'scan' })}>{t('scanItem')}</button>
        </div>
      </div>
    </section>
  );
}
