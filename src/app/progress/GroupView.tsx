/** One group: its trainees (add, remove) and its progress. */
import { useState } from 'react';
import { api, ApiError, type GroupDetail } from '../api';
import { LoadingBar } from '../LoadingBar';
import { navigate } from '../route';
import { formatDate } from './format';
import { LoadError } from './Gate';
import { GroupProgressView } from './GroupProgressView';
import { MemberList } from './MemberList';
import { useLoad } from './useLoad';
import { i18n } from '../../i18n/i18n';

export function GroupView({ groupId, onMembersChanged }: { groupId: string; onMembersChanged: (detail: GroupDetail) => void }) {
  const group = useLoad(() => api.group(groupId), groupId);
  // Bumped after each change of members, so the group's progress is fetched again.
  const [version, setVersion] = useState(0);

  if (group.error) {
    const missing = group.failure instanceof ApiError && (group.failure.status === 404 || group.failure.status === 403);
    return (
      <section className="panel group-view" aria-label={i18n.t('progress:group.group')}>
        {missing ? (
          <div role="alert">
            <p className="error">{i18n.t('progress:group.noSuch')}</p>
            <button type="button" className="button secondary" onClick={() => navigate({ page: 'groups' })}>{i18n.t('progress:group.back')}</button>
          </div>
        ) : (
          <LoadError what={i18n.t('progress:group.what')} message={group.error} retry={group.reload} />
        )}
      </section>
    );
  }
  if (!group.data) {
    return <section className="panel group-view" aria-label={i18n.t('progress:group.group')}><LoadingBar label={i18n.t('progress:group.loading')} /></section>;
  }

  const detail = group.data;
  const changed = (next: GroupDetail) => {
    group.setData(next);
    onMembersChanged(next);
    setVersion((v) => v + 1);
  };
  return (
    <section className="panel group-view" aria-labelledby="group-title">
      <h2 id="group-title">{detail.name}</h2>
      <p className="muted">{i18n.t('progress:group.runBy', { owner: detail.ownerName, date: formatDate(detail.createdAt) })}</p>
      <MemberList group={detail} onChanged={changed} />
      <GroupProgressView groupId={detail.id} groupName={detail.name} version={version} />
    </section>
  );
}
