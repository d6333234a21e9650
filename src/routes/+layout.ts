// Every page is prerendered; the app runs entirely in the browser from static files.
export const prerender = true;
export const ssr = true;
export const trailingSlash = 'always';
