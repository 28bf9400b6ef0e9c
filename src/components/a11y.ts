/**
 * What makes the kit's tappable views controls for everyone, in the browser (H5) too: a role, a place
 * in the tab order, Enter/Space acting like a tap, and a page root a keyboard can scroll.
 */
import { type ViewProps } from '@tarojs/components';

export type PressRole = 'button' | 'link' | 'tab';

/**
 * What a tappable View needs to be a control for everyone: its role for screen readers and, in the
 * browser (H5), a place in the tab order with Enter (and Space for buttons and tabs) acting like a tap.
 * Spread it on the View: `<View {...pressable(open, 'link')}>`.
 */
export function pressable(onPress: () => void, role: PressRole = 'button'): ViewProps {
  const onClick = () => onPress();
  // Taro renames a written `ariaRole` attribute to `role` when it builds H5, but not one spread in.
  if (process.env.TARO_ENV !== 'h5') return { ariaRole: role, onClick };
  // `tabIndex` and `onKeyDown` are not in Taro's View props; in H5 they reach the element.
  return Object.assign<ViewProps, { tabIndex: number; onKeyDown: (event: KeyboardEvent) => void }>({ role, onClick }, {
    tabIndex: 0,
    onKeyDown: (event: KeyboardEvent) => {
      if (event.repeat || event.target !== event.currentTarget) return;
      if (event.key === 'Enter' || (event.key === ' ' && role !== 'link')) {
        event.preventDefault();
        onPress();
      }
    },
  });
}

/**
 * Props for a page's root: in H5 it can take the focus, so a keyboard can scroll the page (Taro's
 * page container scrolls, and the buttons Taro draws in the browser cannot be reached with Tab).
 */
export function focusableRoot(): ViewProps {
  // `tabIndex` is not in Taro's View props; in H5 it reaches the element.
  return process.env.TARO_ENV === 'h5' ? Object.assign<ViewProps, { tabIndex: number }>({}, { tabIndex: 0 }) : {};
}
