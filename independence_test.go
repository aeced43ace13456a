package hubrules_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/hubrules/hubrules"

// The rule packages are independent: none imports another, directly or
// through a package of the module it imports (their shared values live in
// the root package). Test files are not counted; an Example may use two.
func TestRulePackagesImportNoOtherRulePackage(t *testing.T) {
	rule := map[string]bool{module + "/hub": true, module + "/grading": true, module + "/funding": true, module + "/incubation": true}
	for pkg := range rule {
		for _, dep := range moduleDeps(t, pkg) {
			if rule[dep] && dep != pkg {
				t.Errorf("%s imports %s (directly or through the module's own packages)", pkg, dep)
			}
		}
	}
}

// moduleDeps returns the packages of the module that pkg's non-test files
// import, transitively, read with go/parser.
func moduleDeps(t *testing.T, pkg string) []string {
	t.Helper()
	seen := map[string]bool{}
	var walk func(p string)
	walk = func(p string) {
		for _, imp := range imports(t, p) {
			if (imp == module || strings.HasPrefix(imp, module+"/")) && !seen[imp] {
				seen[imp] = true
				walk(imp)
			}
		}
	}
	walk(pkg)
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

func imports(t *testing.T, pkg string) []string {
	t.Helper()
	dir := "." + strings.TrimPrefix(pkg, module)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("%s: %v", pkg, err)
	}
	var out []string
	fset := token.NewFileSet()
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ImportsOnly)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, is := range f.Imports {
			p, _ := strconv.Unquote(is.Path.Value)
			out = append(out, p)
		}
	}
	return out
}
