export { createCloudBankFor, type CloudBank } from '../../tools/dev/cloud-demo-bank.js';
