package hubrules

import (
	"errors"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The bounds of a parameter file.
const (
	// MaxParamBytes is the size of the largest parameter file accepted
	// (4 MiB).
	MaxParamBytes = 4 << 20
	// MaxAliasNodes is the number of nodes the aliases (*name) of one
	// parameter file may add to it once expanded: a few hundred bytes of
	// nested aliases could otherwise name billions of nodes. The shipped
	// grading file, which shares its score sheet between programmes, adds
	// 3,500; a file at the bound costs some 60 MB to parse.
	MaxAliasNodes = 50000
	// MaxAliasBytes is the scalar text, in bytes, the aliases of one
	// parameter file may add to it once expanded (1 MiB).
	MaxAliasBytes = 1 << 20
)

// ReadParams reads a parameter file from r and parses it with ParseParams.
// It reads at most MaxParamBytes+1 bytes, so a larger file or an endless
// stream is refused without being held. A failure to read is returned as it
// is; everything else as ParseParams returns it.
func ReadParams(r io.Reader) (*ParamSet, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxParamBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxParamBytes {
		return nil, paramSizeError()
	}
	return ParseParams(data)
}

func paramSizeError() error {
	return NewInputError(FieldError{Code: "max_bytes", Param: itoa(MaxParamBytes),
		Message: T("参数文件超过 4 MiB", "the parameter file exceeds 4 MiB")})
}

// paramSyntaxError turns yaml's error for a parameter file into an
// *InputError with a field per problem, each at its line ("line 5"), in
// words of the file rather than of Go: an unknown key with the nearest
// valid one, a value of the wrong kind with the kind wanted, a syntax
// error with yaml's own description (in the English message only).
func paramSyntaxError(data []byte, err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		// The document parses (yaml's type errors come after parsing):
		// each problem's path is found in its tree by line.
		var root yaml.Node
		_ = yaml.Unmarshal(data, &root)
		var p Problems
		for _, e := range te.Errors {
			p.AddField(yamlProblem(e, &root))
		}
		return p.Err()
	}
	return NewInputError(yamlProblem(strings.TrimPrefix(err.Error(), "yaml: "), nil))
}

// yamlPath returns the path in root of the node on line written as value,
// a mapping's key when key is true, else a value; "" when none is found.
func yamlPath(root *yaml.Node, line int, value string, key bool) string {
	var walk func(n *yaml.Node, path string, depth int) (string, bool)
	walk = func(n *yaml.Node, path string, depth int) (string, bool) {
		if n == nil || depth > 64 {
			return "", false
		}
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				if p, ok := walk(c, path, depth+1); ok {
					return p, true
				}
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				sub := JoinPath(path, k.Value)
				if k.Line == line && k.Value == value && key {
					return sub, true
				}
				if p, ok := walk(v, sub, depth+1); ok {
					return p, true
				}
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				if p, ok := walk(c, Index(path, i), depth+1); ok {
					return p, true
				}
			}
		case yaml.ScalarNode:
			if !key && n.Line == line && n.Value == value {
				return path, true
			}
		}
		return "", false
	}
	if root == nil {
		return ""
	}
	p, _ := walk(root, "", 0)
	return p
}

var (
	yamlUnknownKey = regexp.MustCompile(`^line (\d+): field (.+) not found in type (\S+)$`)
	yamlWrongKind  = regexp.MustCompile("^line (\\d+): cannot unmarshal !!(\\w+) `(.*)` into (\\S+)$")
	yamlLine       = regexp.MustCompile(`^line (\d+): (.*)$`)
)

// paramFileTypes are the Go types of a parameter file's mappings, by the
// name yaml's errors give them, for the keys each allows.
var paramFileTypes = map[string]reflect.Type{
	"hubrules.fileDoc":   reflect.TypeOf(fileDoc{}),
	"hubrules.fileDef":   reflect.TypeOf(fileDef{}),
	"hubrules.fileValue": reflect.TypeOf(fileValue{}),
	"hubrules.Source":    reflect.TypeOf(Source{}),
	"hubrules.Text":      reflect.TypeOf(Text{}),
}

// yamlProblem is one line of yaml's error as a FieldError, with its path in
// root where it is found there, and its line in Param.
func yamlProblem(e string, root *yaml.Node) FieldError {
	if m := yamlUnknownKey.FindStringSubmatch(e); m != nil {
		zh, en := "", ""
		if t, ok := paramFileTypes[m[3]]; ok {
			known := yamlKeys(t)
			if b := Closest(m[2], known); b != "" {
				zh, en = "，是否应为 "+b, "; did you mean "+b+"?"
			}
			zh += "（可用的键：" + strings.Join(known, "、") + "）"
			en += " (valid keys: " + strings.Join(known, ", ") + ")"
		}
		return FieldError{Path: yamlPath(root, atoiOr(m[1]), m[2], true), Code: "unknown_field", Param: "line " + m[1], Value: clipValue(m[2]),
			Message: T("参数文件第 "+m[1]+" 行：未知的键 "+m[2]+zh, "line "+m[1]+" of the parameter file: unknown key "+m[2]+en)}
	}
	if m := yamlWrongKind.FindStringSubmatch(e); m != nil {
		zh, en := yamlKind(m[4])
		return FieldError{Path: yamlPath(root, atoiOr(m[1]), m[3], false), Code: "type", Param: "line " + m[1], Value: clipValue(m[3]),
			Message: T("参数文件第 "+m[1]+" 行：取值 "+m[3]+" 的类型不对，应为"+zh, "line "+m[1]+" of the parameter file: the value "+m[3]+" has the wrong type: want "+en)}
	}
	if m := yamlLine.FindStringSubmatch(e); m != nil {
		return FieldError{Code: "syntax", Param: "line " + m[1],
			Message: T("参数文件第 "+m[1]+" 行不是有效的 YAML", "line "+m[1]+" of the parameter file is not valid YAML: "+m[2])}
	}
	return FieldError{Code: "syntax", Message: T("参数文件不是有效的 YAML", "the parameter file is not valid YAML: "+e)}
}

// atoiOr returns the number s writes, or 0.
func atoiOr(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// yamlKind names, in Chinese and English, what a value decoding into the Go
// type named goType must be written as.
func yamlKind(goType string) (zh, en string) {
	switch {
	case strings.HasPrefix(goType, "map[") || paramFileTypes[goType] != nil:
		return "映射（键: 值）", "a mapping (key: value)"
	case strings.HasPrefix(goType, "[]"):
		return "列表", "a list"
	case goType == "string":
		return "文本", "text"
	case strings.HasPrefix(goType, "int") || strings.HasPrefix(goType, "uint"):
		return "整数", "a whole number"
	case goType == "bool":
		return "true 或 false", "true or false"
	}
	return "另一种取值", "another kind of value"
}

// yamlKeys returns the yaml keys of struct t, in field order.
func yamlKeys(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if name != "" && name != "-" {
			out = append(out, name)
		}
	}
	return out
}

// aliasCheck walks a YAML document as its aliases expand it, counting what
// the aliases add, and stops at the first bound passed or cycle found.
type aliasCheck struct {
	nodes, bytes int
	// open holds the anchored nodes being walked: an alias to one of them
	// lies inside the node it names.
	open map[*yaml.Node]bool
}

// checkAliases returns an *InputError when expanding the aliases of doc
// would pass MaxAliasNodes or MaxAliasBytes, or would never end (an alias
// inside the node its anchor names). The work is bounded by the nodes of
// doc plus MaxAliasNodes.
func checkAliases(doc *yaml.Node) error {
	c := aliasCheck{open: map[*yaml.Node]bool{}}
	return c.walk(doc, "", "")
}

// walk checks n, found at path in the file. alias is "" while n is written
// in the file, else the alias (*name) at path through which n was reached.
func (c *aliasCheck) walk(n *yaml.Node, path, alias string) error {
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return nil
		}
		if c.open[n.Alias] {
			return NewInputError(FieldError{Path: path, Code: "alias_cycle", Value: "*" + n.Value,
				Message: T("别名 *"+n.Value+" 位于其锚点 &"+n.Value+" 所指的节点之内，展开永无止境",
					"the alias *"+n.Value+" lies inside the node its anchor &"+n.Value+" names: it would expand without end")})
		}
		if alias == "" {
			alias = "*" + n.Value
		}
		return c.walk(n.Alias, path, alias)
	}
	if alias != "" {
		c.nodes++
		c.bytes += len(n.Value)
		if c.nodes > MaxAliasNodes {
			return NewInputError(FieldError{Path: path, Code: "max_alias_nodes", Param: itoa(MaxAliasNodes), Value: alias,
				Message: T("别名展开后超过 "+itoa(MaxAliasNodes)+" 个节点（"+alias+"）",
					"the aliases expand to more than "+itoa(MaxAliasNodes)+" nodes ("+alias+")")})
		}
		if c.bytes > MaxAliasBytes {
			return NewInputError(FieldError{Path: path, Code: "max_alias_bytes", Param: itoa(MaxAliasBytes), Value: alias,
				Message: T("别名展开后超过 1 MiB 文本（"+alias+"）",
					"the aliases expand to more than 1 MiB of text ("+alias+")")})
		}
	}
	if n.Anchor != "" {
		c.open[n] = true
		defer delete(c.open, n)
	}
	for i, k := range n.Content {
		p := path
		if alias == "" {
			switch {
			case n.Kind == yaml.SequenceNode:
				p = Index(path, i)
			case n.Kind == yaml.MappingNode && i%2 == 1:
				p = JoinPath(path, n.Content[i-1].Value)
			}
		}
		if err := c.walk(k, p, alias); err != nil {
			return err
		}
	}
	return nil
}
