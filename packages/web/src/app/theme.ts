import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Table: { defaultProps: { verticalSpacing: 'xs', highlightOnHover: true } },
    // A badge in a table cell keeps its whole label rather than shrinking to an ellipsis.
    Badge: {
      defaultProps: { radius: 'sm' },
      styles: { root: { flexShrink: 0 }, label: { overflow: 'visible' } },
    },
  },
});
