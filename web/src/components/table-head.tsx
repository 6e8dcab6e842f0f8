/**
 * A table's header row: the given column captions, then an actions column named for screen readers
 * only (its buttons say what they do).
 *
 * @example
 * <TableHead columns={[t("connectors.name"), t("connectors.status")]} />
 */
import { useI18n } from "../i18n/i18n.js";

export function TableHead({ columns }: { columns: string[] }) {
  const { t } = useI18n();
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c}>{c}</th>
        ))}
        <th>
          <span className="visually-hidden">{t("common.actions")}</span>
        </th>
      </tr>
    </thead>
  );
}
