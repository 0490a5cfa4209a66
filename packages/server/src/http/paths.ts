/** Where the API lives; the web app and the docs sit beside it. */
export const apiPrefix = '/api/v1';
export const docsPrefix = '/api/docs';
