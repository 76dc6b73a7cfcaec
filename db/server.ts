import 'server-only';

// What app/ code imports: the database singleton, guarded so it can never reach a client bundle.
export { getDatabase, getDb } from './app-database';
