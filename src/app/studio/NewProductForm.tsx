/** "New product": the fields of ProductInfo; the server's refusals are shown under their fields. */
import { useState, type FormEvent } from 'react';
import { PRODUCT_CATEGORIES } from '../../domain/catalogue';
import { COCO_CLASSES } from '../../domain/coco';
import { ApiError, type FieldIssue } from '../api';
import { studioApi } from './studio-api';

export function FieldError({ issues, path }: { issues: FieldIssue[]; path: string }) {
  const mine = issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`));
  if (mine.length === 0) return null;
  return <span className="field-error" role="alert">{mine.map((i) => i.message).join('; ')}</span>;
}

export function NewProductForm({ onCreated }: { onCreated: (productId: string) => void }) {
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
      setIssues(err instanceof ApiError ? err.issues : []);
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
    <section aria-label="New product" className="studio-section">
      <h2>New product</h2>
      <form className="studio-form" onSubmit={(e) => void submit(e)} noValidate>
        {field('name', 'Name', <input name="name" />)}
        {field('brand', 'Brand', <input name="brand" />)}
        {field('category', 'Category', (
          <select name="category" defaultValue="handbag">
            {PRODUCT_CATEGORIES.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        ))}
        {field('hsCode', 'HS code', <input name="hsCode" placeholder="4202.21" />)}
        {field('description', 'Description', <textarea name="description" rows={2} />)}
        {field('cocoClasses', 'Camera classes (comma-separated)', <input name="cocoClasses" list="coco-classes" placeholder="handbag, suitcase" />)}
        <datalist id="coco-classes">{COCO_CLASSES.map((c) => <option key={c} value={c} />)}</datalist>
        {error && issues.length === 0 && <p role="alert" className="error">{error}</p>}
        <button className="primary" type="submit" disabled={busy}>Create product</button>
      </form>
    </section>
  );
}
