import { openSqliteStores } from '../../src/store/sqliteStores';
import { tempDirs } from '../fixtures/tempDirs';
import { trailStoreContract } from './trailContract';

const tempDir = tempDirs('sqlite-trail-');

trailStoreContract('SQLite', async () => openSqliteStores(tempDir()), 10_000);
