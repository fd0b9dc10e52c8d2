// One bare `yaml` parse of a file in a fresh process, as the server's open is one parse in a
// fresh process: prints the milliseconds of `parseDocument` alone (reading the file excluded).
import * as fs from 'node:fs';
import YAML from 'yaml';

const text = fs.readFileSync(process.argv[2], 'utf8');
const t0 = performance.now();
YAML.parseDocument(text);
console.log(performance.now() - t0);
