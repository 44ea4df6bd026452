/** An import's refusal, row by row: the sheet's row number, whose row it is, and what is wrong with it. */
export function RowProblemsTable({
  headers,
  rows,
}: {
  headers: { row: string; label: string; problems: string };
  rows: { row: number; label: React.ReactNode; problems: React.ReactNode[] }[];
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="text-left text-stone-600">
          <tr>
            <th className="p-2">{headers.row}</th>
            <th className="p-2">{headers.label}</th>
            <th className="p-2">{headers.problems}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.row} className="border-t border-stone-100 align-top">
              <td className="p-2">{r.row}</td>
              <td className="min-w-32 p-2">{r.label}</td>
              <td className="p-2">
                <ul className="list-disc pl-4">
                  {r.problems.map((p, i) => (
                    <li key={i}>{p}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
