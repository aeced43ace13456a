package hubrules

import (
	"io"

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

func paramSyntaxError(err error) error {
	msg := err.Error()
	return NewInputError(FieldError{Code: "syntax",
		Message: T("参数文件无法解析："+msg, "the parameter file cannot be parsed: "+msg)})
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
