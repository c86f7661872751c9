// Interim NASM printer for back-end tests, used until assembler/ exports
// formatProgram; then the tests switch to it (and this file goes).
import type { Expr, Operand, Statement } from "../../../assembler/statements.js";

function expr(e: Expr): string {
  switch (e.kind) {
    case "num": return String(e.value);
    case "sym": return e.name;
    case "here": return "$";
    case "sectionStart": return "$$";
    case "unary": return `${e.op}(${expr(e.operand)})`;
    case "binary": return `(${expr(e.left)} ${e.op} ${expr(e.right)})`;
  }
}
const SIZE: Record<number, string> = { 8: "byte", 16: "word", 32: "dword", 48: "fword", 64: "qword" };
function operand(o: Operand): string {
  switch (o.kind) {
    case "reg": return o.reg;
    case "imm": return (o.size ? SIZE[o.size] + " " : "") + expr(o.expr);
    case "far": return `${expr(o.segment)}:${expr(o.offset)}`;
    case "mem": {
      const parts: string[] = [];
      if (o.base) parts.push(o.base);
      if (o.index) parts.push(o.scale && o.scale !== 1 ? `${o.index}*${o.scale}` : o.index);
      if (o.disp) parts.push(expr(o.disp));
      return `${o.size ? SIZE[o.size] + " " : ""}[${o.segment ? o.segment + ":" : ""}${parts.join("+") || "0"}]`;
    }
  }
}
export function formatProgram(statements: Statement[]): string {
  const lines: string[] = [];
  for (const s of statements) {
    switch (s.kind) {
      case "instruction": {
        const text = `    ${[...s.prefixes, s.mnemonic].join(" ")} ${s.operands.map(operand).join(", ")}`.trimEnd();
        lines.push(s.comment ? `${text.padEnd(40)} ; ${s.comment}` : text);
        break;
      }
      case "label": lines.push(`${s.name}:`); break;
      case "section": lines.push(`section ${s.name} ${s.attributes.join(" ")}`.trimEnd()); break;
      case "bits": lines.push(`bits ${s.bits}`); break;
      case "global": lines.push(`global ${s.names.join(", ")}`); break;
      case "extern": lines.push(`extern ${s.names.join(", ")}`); break;
      case "equ": lines.push(`${s.name} equ ${expr(s.expr)}`); break;
      case "data": lines.push(`    ${["db", "dw", "", "dd"][s.width - 1]} ${s.items.map((i) => (i.kind === "expr" ? expr(i.expr) : JSON.stringify(String.fromCharCode(...i.bytes)))).join(", ")}`); break;
      case "reserve": lines.push(`    ${["resb", "resw", "", "resd"][s.width - 1]} ${expr(s.count)}`); break;
      case "align": lines.push(`    ${s.fill === "zero" ? "alignb" : "align"} ${expr(s.alignment)}`); break;
      case "times": lines.push(`    times ${expr(s.count)} ${formatProgram([s.body]).trim()}`); break;
      case "comment": lines.push(`; ${s.text}`); break;
    }
  }
  return lines.join("\n") + "\n";
}
