// PouchDB ships no types; src/lib/sync/pouch.ts declares the part the app uses.
declare module 'pouchdb-browser';
