package hubrules

import "sort"

// Source says where a rule or a parameter comes from: a seed document of
// DOMAIN.md §0 (by file name) or a public regulation, and the clause.
type Source struct {
	// Document is the seed file name (e.g. "003_fdebcdca0beda62e.txt") or the
	// regulation's title (e.g. 《中国共产党支部工作条例（试行）》).
	Document string `json:"document" yaml:"document" validate:"required,max=300"`
	// Clause locates the rule inside the document (article, section).
	Clause string `json:"clause,omitempty" yaml:"clause,omitempty" validate:"max=300"`
	// URL is a public address of the text, where one is known.
	URL string `json:"url,omitempty" yaml:"url,omitempty" validate:"max=500"`
}

// String returns "Document Clause".
func (s Source) String() string {
	if s.Clause == "" {
		return s.Document
	}
	return s.Document + " " + s.Clause
}

// Seed file names of the five programmes (DOMAIN.md §0), for Sources.
const (
	SeedLujiazui = "000_e61902791cf7c3ae.txt"
	SeedJingan   = "001_5c25d7b20fec7fff.txt"
	SeedWuliqiao = "002_94d6d6f20939527c.txt"
	SeedKaixuan  = "003_fdebcdca0beda62e.txt"
	SeedXiyuan   = "004_61686f63464c1d76.txt"
)

// Rule is one entry of the rule catalogue (DOMAIN.md): a stable ID that the
// code, tests, findings and docs share, a bilingual title, its source and
// the names of the parameters it reads.
type Rule struct {
	ID      string   `json:"id"`
	Package string   `json:"package"`
	Title   Text     `json:"title"`
	Source  Source   `json:"source"`
	Params  []string `json:"params,omitempty"`
}

// Catalogue is a list of rules with lookup by ID. Each rule package exposes
// its own (hub.Rules(), …); Join merges them for the CLI and the docs.
type Catalogue []Rule

// Lookup returns the rule with id.
func (c Catalogue) Lookup(id string) (Rule, bool) {
	for _, r := range c {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// Join returns the rules of all catalogues sorted by ID.
func Join(cats ...Catalogue) Catalogue {
	var out Catalogue
	for _, c := range cats {
		out = append(out, c...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
