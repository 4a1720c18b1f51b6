/** Writing a file whole or not at all lives in files/ (signing writes key files with it too). */
export * from '../files/atomic-write';
