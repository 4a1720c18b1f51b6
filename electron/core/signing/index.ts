export * from './county-key';
export * from './minisign-public-key';
export * from './minisign-signature';
export * from './secret-key-file';
