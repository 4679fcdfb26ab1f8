import { MemoryCodeStore } from '../../../src-main/codes/memory-code-store.js';
import { describeCodeStoreContract } from './code-store.contract.js';

describeCodeStoreContract('MemoryCodeStore', () => ({
  newStore: () => new MemoryCodeStore(),
  close: () => undefined,
}));
