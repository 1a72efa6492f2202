// Reads the page at the given address with html-metadata and prints every standard it found, as JSON.
import scrape from 'html-metadata';

const url = process.argv[2];
if (!url) {
  console.error('usage: node extract.mjs URL');
  process.exit(2);
}
try {
  const metadata = await scrape({ uri: url });
  process.stdout.write(JSON.stringify(metadata));
} catch (error) {
  console.error(String(error && error.stack || error));
  process.exit(1);
}
