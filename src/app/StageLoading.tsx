/**
 * Over the 3D stage while its models load: the loaders' own progress. Its own module, so that the
 * plain LoadingBar stays free of three.
 */
import { useProgress } from '@react-three/drei';
import { LoadingBar } from './LoadingBar';
import { useTranslation } from 'react-i18next';

export function StageLoading() {
  const { t } = useTranslation();
  const { active, progress } = useProgress();
  if (!active) return null;
  return (
    <div className="stage-loading">
      <LoadingBar label={t('loading3d')} progress={progress} />
    </div>
  );
}
