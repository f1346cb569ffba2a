/**
 * ?page=inspect: the inspection assistant. Without a product: choose one (name, barcode, scan) and
 * the past records. With ?product=ID: a new record (its id made here and put in the URL at once, so
 * a reload reopens the same record); with &record=UUID: that record.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useSession } from '../session';
import { LoadingBar } from '../LoadingBar';
import { navigate, useRoute } from '../route';
import { canInspect, INSPECT_PAGE } from './access';
import { InspectionView } from './InspectionView';
import { ProductPicker } from './ProductPicker';
import { RecordList } from './RecordList';
import { newRecordId } from './ids';
import { AccessLog } from './AccessLog';
import { SupervisionPanel } from './SupervisionPanel';
import { SUPERVISED_ROLES } from '../../domain/supervision';
import './inspect.css';

export function InspectPage() {
  const { t } = useTranslation('inspect');
  const { user, loaded } = useSession();
  const route = useRoute();
  const allowed = hasRole(user, INSPECT_PAGE);
  const mayCreate = canInspect(user);

  useEffect(() => {
    if (route.product && !route.record && mayCreate) navigate({ page: 'inspect', product: route.product, record: newRecordId() }, { replace: true });
  }, [route.product, route.record, mayCreate]);

  if (!loaded) return <main className="page"><LoadingBar label={t('loadingRecord')} /></main>;
  if (!user || !allowed) {
    return (
      <main className="page">
        <h1>{t('pageHeading')}</h1>
        <p role="alert">{user ? t('notAllowed') : t('signInFirst')}</p>
        {!user && <button type="button" className="primary" onClick={() => navigate({ page: 'sign-in' })}>{t('signIn')}</button>}
      </main>
    );
  }
  if (route.product && route.record) return <InspectionView key={`${route.product}/${route.record}`} productId={route.product} recordId={route.record} />;
  if (route.product && !mayCreate) return <main className="page"><p role="alert">{t('readOnlyRole')}</p></main>;
  if (route.product) return <main className="page"><LoadingBar label={t('loadingRecord')} /></main>;
  return (
    <main className="page inspect-home">
      <h1>{t('pageHeading')}</h1>
      <p className="lead">{t('lead')}</p>
      <p className="inspect-statement">{t('statement')}</p>
      {mayCreate && <ProductPicker />}
      <RecordList user={user} />
      <SupervisionPanel user={user} />
      {SUPERVISED_ROLES.includes(user.role) && <AccessLog all={false} reloadKey={user.id} />}
    </main>
  );
}
