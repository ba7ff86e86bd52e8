import packageJson from '../../package.json';

export const VERSION: string = packageJson.version;
export const RULES_DOC_URL = `${packageJson.repository.url.replace(/\.git$/u, '')}/blob/main/docs/rules.md`;
