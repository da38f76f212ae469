// Entry point of the bundled Action (dist/index.cjs): everything happens in run(), whose one catch fails the step.
import { run } from './run.js';

void run();
