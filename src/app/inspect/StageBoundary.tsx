/**
 * Keeps the checklist usable when the genuine model cannot be loaded (no connection and not kept on
 * this device): the stage says so, and the record goes on without it.
 */
import { Component, type ReactNode } from 'react';

export class StageBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
