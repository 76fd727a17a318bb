import { providers } from '../src/index.js';
import { runProviderContract } from './provider-contract.js';

for (const provider of providers) runProviderContract(provider);
