import { Component, type ReactNode } from 'react';

interface State {
  readonly failed: boolean;
}

/**
 * Keeps one failing panel from blanking the window. The inputs live above the
 * boundary, so a reset never loses what was typed.
 */
export class ErrorBoundary extends Component<{ readonly children: ReactNode; readonly name: string }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <section className="card" role="alert">
        <h2>{this.props.name}</h2>
        <p>This part of the window hit a problem and was closed. Your input is kept.</p>
        <button type="button" className="button" onClick={() => this.setState({ failed: false })}>Open it again</button>
      </section>
    );
  }
}
