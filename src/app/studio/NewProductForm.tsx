/** "New product": the fields of ProductInfo; the server's refusals are shown under their fields. */
import { useState, type FormEvent } from 'react';
import { PRODUCT_CATEGORIES } from '../../domain/catalogue';
import { COCO_CLASSES } from '../../domain/coco';
import { ApiError, type FieldIssue } from '../api';
import { studioApi } from './studio-api';
import { useTranslation } from 'react-i18next';
import { categoryLabel } from '../labels';

export function FieldError({ issues, path }: { issues: FieldIssue[]; path: string }) {
  const mine = issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`));
  if (mine.length === 0) return null;
  return <span className="field-error" role="alert">{mine.map((i) => i.message).join('; ')}</span>;
}

export function NewProductForm({ onCreated }: { onCreated: (productId: string) => void }) {
  const { t } = useTranslation('studio');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    const info = {
      name: text('name'),
      brand: text('brand'),
      category: text('category'),
      hsCode: text('hsCode'),
      description: text('description'),
      cocoClasses: text('cocoClasses').split(',').map((c) => c.trim()).filter(Boolean),
    };
    setBusy(true);
    try {
      const created = await studioApi.create(info);
      onCreated(created.productId);
    } catch (err) {
      // A code with the client's own words (product_exists) reads better than the server's field note.
      setIssues(err instanceof ApiError && !err.translated ? err.issues : []);
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const field = (name: string, label: string, input: React.ReactNode) => (
    <label className="sign-in-field">
      {label}
      {input}
      <FieldError issues={issues} path={`body.${name}`} />
    </label>
  );
  return (
    <section aria-label={t('newProduct')} className="studio-section">
      <h2>{t('newProduct')}</h2>
      <form className="studio-form" onSubmit={(e) => void submit(e)} noValidate>
        {field('name', t('name'), <input name="name" />)}
        {field('brand', t('brand'), <input name="brand" />)}
        {field('category', t('category'), (
          <select name="category" defaultValue="handbag">
            {PRODUCT_CATEGORIES.map((c) => <option key={c} value={c}>{categoryLabel(c)}</option>)}
          </select>
        ))}
        {field('hsCode', t('hsCode'), <input name="hsCode" placeholder="4202.21" />)}
        {field('description', t('description'), <textarea name="description" rows={2} />)}
        {field('cocoClasses', t('cocoClasses'), <input name="cocoClasses" list="coco-classes" placeholder={t('cocoPlaceholder')} />)}
        <datalist id="coco-classes">{COCO_CLASSES.map((c) => <option key={c} value={c} />)}</datalist>
        {error && issues.length === 0 && <p role="alert" className="error">{error}</p>}
        <button className="primary" type="submit" disabled={busy}>{t('createProduct')}</button>
      </form>
    </section>
  );
}
