import { Grid } from 'antd';

/** True below antd's md breakpoint (768 px): one column, drawers full width, menu in a drawer. */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined: assume a desktop only if md is known.
  return screens.md === false;
}

export function useDrawerSize(desktop: number): number | string {
  return useIsMobile() ? '100%' : desktop;
}
