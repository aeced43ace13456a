// Package show holds what the programme examples share: a printer that
// writes each line in the chosen language, the -lang flag, and strict
// loading of the data files embedded beside each example.
package show

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/hubrules/hubrules"
)

// Main parses the -lang flag and runs an example, exiting 1 on an error.
func Main(run func(w io.Writer, lang string) error) {
	lang := flag.String("lang", "zh", "zh (Chinese, default) or en (English)")
	flag.Parse()
	if err := run(os.Stdout, *lang); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// Load decodes the data file name of fsys strictly (unknown fields, bad
// dates and failed validation are errors naming the file and field).
func Load(fsys fs.FS, name string, v any) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	if err := hubrules.DecodeJSON(b, v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// Printer writes in one language.
type Printer struct {
	W io.Writer
	L hubrules.Lang
}

// New returns a printer for lang ("zh" or "en"; anything else is Chinese).
func New(w io.Writer, lang string) Printer { return Printer{W: w, L: hubrules.ParseLang(lang)} }

// T returns the text in the printer's language.
func (p Printer) T(zh, en string) string { return hubrules.T(zh, en).In(p.L) }

// Title writes a title and a rule under it.
func (p Printer) Title(zh, en string) {
	fmt.Fprintf(p.W, "%s\n%s\n", p.T(zh, en), strings.Repeat("=", 40))
}

// Section writes a section heading after a blank line.
func (p Printer) Section(zh, en string) { fmt.Fprintf(p.W, "\n%s\n", p.T(zh, en)) }

// Line writes one line.
func (p Printer) Line(zh, en string) { fmt.Fprintln(p.W, p.T(zh, en)) }

// Linef writes one formatted line.
func (p Printer) Linef(zh, en string, args ...any) {
	fmt.Fprintf(p.W, p.T(zh, en)+"\n", args...)
}

// Report writes a report's description, indented.
func (p Printer) Report(r hubrules.Report) { fmt.Fprint(p.W, Indent(r.Describe(p.L))) }

// Unverified writes a note for each parameter a decision used that is not
// verified.
func (p Printer) Unverified(b hubrules.Basis) {
	for _, ref := range b.Unverified() {
		p.Linef("  注意：参数 %s 的可信度为 %s", "  note: parameter %s is %s", ref.Name, string(ref.Confidence))
	}
}

// Sep is the list separator of the printer's language.
func (p Printer) Sep() string {
	if p.L == hubrules.EN {
		return ", "
	}
	return "、"
}

// Indent indents every line of s by two spaces.
func Indent(s string) string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return ""
	}
	return "  " + strings.ReplaceAll(s, "\n", "\n  ") + "\n"
}

// Verdict is 合规 / compliant or 不合规 / not compliant.
func Verdict(ok bool) hubrules.Text {
	if ok {
		return hubrules.T("合规", "compliant")
	}
	return hubrules.T("不合规", "not compliant")
}

// Heading writes a step heading, "== title ==", after a blank line.
func (p Printer) Heading(zh, en string) { fmt.Fprintf(p.W, "\n== %s ==\n", p.T(zh, en)) }

// Block writes s indented by four spaces (nothing for an empty s).
func (p Printer) Block(s string) {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return
	}
	fmt.Fprintln(p.W, "    "+strings.ReplaceAll(s, "\n", "\n    "))
}

// Outcome names a check's outcome in the printer's language.
func (p Printer) Outcome(o hubrules.Outcome) string {
	switch o {
	case hubrules.Pass:
		return p.T("通过", "pass")
	case hubrules.Fail:
		return p.T("未通过", "fail")
	}
	return p.T("不适用", "not applicable")
}

// Yes is 是 / yes or 否 / no.
func (p Printer) Yes(b bool) string {
	if b {
		return p.T("是", "yes")
	}
	return p.T("否", "no")
}
