/** Progress bars on stderr (stdout may carry the export itself). Silent when stderr is not a TTY. */
import cliProgress from 'cli-progress';

export interface Progress {
  update(value: number, total?: number): void;
  stop(): void;
}

export const progressBar = (label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress => {
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total}`, stream, hideCursor: true, noTTYOutput: false, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(total, 1), 0);
  return {
    update: (value, newTotal) => {
      if (newTotal !== undefined) bar.setTotal(Math.max(newTotal, value, 1));
      bar.update(value);
    },
    stop: () => bar.stop(),
  };
};
