/** Small inline icons (no icon font or image requests: the CSP allows none). Decorative: hidden from assistive tech. */
import type { ReactElement } from 'react';

function Svg({ children, className }: { readonly children: ReactElement | ReactElement[]; readonly className?: string | undefined }): ReactElement {
  return (
    // Size, fill and stroke come from .icon (base.css): fewer attributes for React to set on every icon.
    <svg className={className === undefined ? 'icon' : `icon ${className}`} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export const CopyIcon = (): ReactElement => (
  <Svg><rect x="9" y="9" width="11" height="11" rx="2" /><path d="M5 15V5a2 2 0 0 1 2-2h8" /></Svg>
);
export const EyeIcon = (): ReactElement => (
  <Svg><path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12Z" /><circle cx="12" cy="12" r="3" /></Svg>
);
export const EyeOffIcon = (): ReactElement => (
  <Svg><path d="M3 3l18 18" /><path d="M10.6 5.1A10.7 10.7 0 0 1 12 5c6.5 0 10 7 10 7a17 17 0 0 1-3.2 4.2M6.6 6.6C3.8 8.4 2 12 2 12s3.5 7 10 7a9.8 9.8 0 0 0 5.4-1.6" /><path d="M9.9 9.9a3 3 0 0 0 4.2 4.2" /></Svg>
);
export const CheckIcon = (): ReactElement => <Svg><path d="M4 12.5l5 5L20 6.5" /></Svg>;
export const InfoIcon = (): ReactElement => (
  <Svg><circle cx="12" cy="12" r="9" /><path d="M12 11v6" /><path d="M12 7.5v.01" /></Svg>
);
export const WarningIcon = (): ReactElement => (
  <Svg><path d="M10.3 3.9 1.8 18.5A2 2 0 0 0 3.5 21.5h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" /><path d="M12 9v4.5" /><path d="M12 17.5v.01" /></Svg>
);
export const ErrorIcon = (): ReactElement => (
  <Svg><circle cx="12" cy="12" r="9" /><path d="M15 9l-6 6" /><path d="M9 9l6 6" /></Svg>
);
export const ShieldIcon = ({ className }: { readonly className?: string }): ReactElement => (
  <Svg className={className}><path d="M12 2.5 4 5.5v6c0 5 3.4 8.9 8 10 4.6-1.1 8-5 8-10v-6l-8-3Z" /><path d="M9 12l2 2 4-4" /></Svg>
);
export const KeyboardIcon = (): ReactElement => (
  <Svg><rect x="2" y="6" width="20" height="12" rx="2" /><path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10" /></Svg>
);
export const EraseIcon = (): ReactElement => (
  <Svg><path d="M3 6h18" /><path d="M8 6V4h8v2" /><path d="M6 6l1 14h10l1-14" /></Svg>
);
export const SplitIcon = (): ReactElement => (
  <Svg><path d="M12 3v6" /><path d="M12 9 6 15v6" /><path d="M12 9l6 6v6" /></Svg>
);
