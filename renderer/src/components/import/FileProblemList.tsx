/** Every problem found in a refused file, each with the row and column to fix (as county setup lists them). */
import type { FileProblem } from '../../api/types';

export function FileProblemList({ problems, fileName }: { problems: readonly FileProblem[]; fileName: string }) {
  if (problems.length === 0) return null;
  return (
    <ul className="file-problem-list" aria-label={`Problems in ${fileName}`}>
      {problems.map((problem) => (
        <li key={`${problem.row}:${problem.column ?? ''}:${problem.message}`}>
          {problem.row > 0 ? (
            <span className="file-problem-where">
              Row {problem.row}
              {problem.column ? `, column ${problem.column}` : ''}:
            </span>
          ) : null}{' '}
          {problem.message}
        </li>
      ))}
    </ul>
  );
}
