/**
 * Keeps a part of the page (the grid, the side panel) from blanking the whole page when it fails to render: the part
 * shows what went wrong and a button to draw it again. The workbook lives outside, so nothing the user did is lost.
 */
import { Button } from '@fluentui/react-components';
import { Component, createElement as h, type ErrorInfo, type ReactNode } from 'react';

export interface ErrorBoundaryProps {
  /** What stopped, e.g. "This sheet could not be drawn". */
  readonly title: string;
  /** A line under it, e.g. that the sheets are kept. */
  readonly note: string;
  readonly retryLabel: string;
  /** When this changes (another sheet shown), the part is drawn again. */
  readonly resetKey?: unknown;
  readonly children?: ReactNode;
}

interface ErrorBoundaryState {
  readonly error?: Error;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = {};

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(`${this.props.title}: ${error.message}`, info.componentStack);
  }

  override componentDidUpdate(previous: ErrorBoundaryProps): void {
    if (this.state.error && previous.resetKey !== this.props.resetKey) this.retry();
  }

  private readonly retry = (): void => this.setState({ error: undefined });

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return h(
      'div',
      { className: 'render-error', role: 'alert' },
      h('strong', null, this.props.title),
      h('p', { className: 'render-error-message' }, error.message),
      h('p', null, this.props.note),
      h(Button, { appearance: 'primary', onClick: this.retry }, this.props.retryLabel),
    );
  }
}
