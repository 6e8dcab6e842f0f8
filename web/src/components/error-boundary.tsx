/**
 * Keeps one page's failure from blanking the whole dashboard: the navigation stays, the page says
 * it could not be shown, and moving to another page resets it.
 *
 * @example
 * <ErrorBoundary resetKey={location.hash} message="Could not show this page."><Page /></ErrorBoundary>
 */
import { Component, type ReactNode } from "react";

export class ErrorBoundary extends Component<{ resetKey: string; message: string; children: ReactNode }, { failed: boolean; key: string }> {
  override state = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { failed: boolean; key: string }) {
    return props.resetKey !== state.key ? { failed: false, key: props.resetKey } : null;
  }

  override render(): ReactNode {
    return this.state.failed ? (
      <p className="error" role="alert" data-testid="page-error">
        {this.props.message}
      </p>
    ) : (
      this.props.children
    );
  }
}
