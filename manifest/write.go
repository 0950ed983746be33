package manifest

import (
	"io"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/vocab"
)

// Comments are written into a manifest next to what they explain.
type Comments struct {
	Head    []string            // above everything
	Systems map[string][]string // above a system, by system key
	Files   map[string][]string // above a file entry, by File.Label()
	Foot    []string            // below everything
	// Columns are comments at the end of a column mapping's line, by
	// File.Label() and export header ("why it was placed").
	Columns map[string]map[string]string
	// Values are comments at the end of a value mapping's line, by
	// File.Label(), canonical column and label ("REVIEW: ...").
	Values map[string]map[string]map[string]string
	// AfterColumns are lines below a file's column mappings, by
	// File.Label(): commented-out mappings to choose from.
	AfterColumns map[string][]string
	// NoAsOf is the comment that says as_of is not set (nil: in English).
	NoAsOf []string
}

// TableKey is the key of a file's comments when the file fills more than
// one table: its label and the table ("x.xlsx [Blad1] -> portal_children").
func TableKey(label, table string) string { return label + " -> " + table }

// key is the key of f's comments: TableKey when the comments have one for
// it, else its label.
func (c Comments) key(f *File) string {
	if k := TableKey(f.Label(), f.Table); c.Files[k] != nil || c.Columns[k] != nil {
		return k
	}
	return f.Label()
}

// Write renders m as YAML that Parse reads back, with c as comments.
// Systems come in model order, files as listed, columns in the canonical
// table's order and value labels sorted, so the output is deterministic.
func Write(w io.Writer, m *Manifest, c Comments) error {
	root := mapping()
	add(root, "version", scalar(strconv.Itoa(m.Version), "!!int"))
	add(root, "organisation", str(m.Organisation))
	if m.AsOf != "" {
		add(root, "as_of", str(m.AsOf))
	}
	for _, kv := range [][2]string{{"policy", m.Policy}, {"accepted_risks", m.AcceptedRisks}, {"previous", m.Previous}} {
		if kv[1] != "" {
			add(root, kv[0], str(kv[1]))
		}
	}
	noAsOf := m.AsOf == "" // said above systems:, the next key
	systems := mapping()
	for _, sys := range model.Systems {
		s := m.Systems[sys]
		if s == nil {
			continue
		}
		node := mapping()
		add(node, "product", str(s.Product))
		files := &yaml.Node{Kind: yaml.SequenceNode}
		for _, f := range s.Files {
			entry := fileNode(f, c)
			entry.HeadComment = comment(c.Files[c.key(f)])
			files.Content = append(files.Content, entry)
		}
		add(node, "files", files)
		add(systems, sys, node)
		systems.Content[len(systems.Content)-2].HeadComment = comment(c.Systems[sys])
	}
	add(root, "systems", systems)
	if noAsOf {
		key := root.Content[len(root.Content)-2]
		noAsOfLines := c.NoAsOf
		if noAsOfLines == nil {
			noAsOfLines = []string{
				"as_of: YYYY-MM-DD, the reference date the audit measures from, is not set;",
				"without it (or --as-of) the audit uses the day it runs.",
			}
		}
		key.HeadComment = comment(noAsOfLines)
	}
	root.Content[0].HeadComment = comment(c.Head)
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}, FootComment: comment(c.Foot)}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return vocab.Wrapf(err, "schrijf het manifest", "write manifest")
	}
	if err := enc.Close(); err != nil {
		return vocab.Wrapf(err, "schrijf het manifest", "write manifest")
	}
	return nil
}

func fileNode(f *File, c Comments) *yaml.Node {
	label := c.key(f)
	n := mapping()
	add(n, "file", str(f.File))
	if f.Sheet != "" {
		add(n, "sheet", str(f.Sheet))
	}
	add(n, "table", str(f.Table))
	if f.Join != "" {
		add(n, "join", str(f.Join))
	}
	if f.Delimiter != "" {
		add(n, "delimiter", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: f.Delimiter, Style: yaml.DoubleQuotedStyle})
	}
	order := columnOrder(f.Table)
	headers := make([]string, 0, len(f.Columns))
	for h := range f.Columns {
		headers = append(headers, h)
	}
	sort.Slice(headers, func(i, j int) bool {
		a, b := order(f.Columns[headers[i]]), order(f.Columns[headers[j]])
		if a != b {
			return a < b
		}
		return headers[i] < headers[j]
	})
	cols := mapping()
	for _, h := range headers {
		v := str(f.Columns[h])
		v.LineComment = lineComment(c.Columns[label][h])
		add(cols, h, v)
	}
	if after := c.AfterColumns[label]; len(after) > 0 {
		if len(cols.Content) == 0 {
			cols.Style = yaml.FlowStyle
			n.Content = append(n.Content, str("columns"), cols)
			n.Content[len(n.Content)-2].FootComment = comment(after)
		} else {
			cols.Content[len(cols.Content)-2].FootComment = comment(after)
			add(n, "columns", cols)
		}
	} else {
		add(n, "columns", cols)
	}
	if u := f.Unpivot; u != nil {
		up := mapping()
		into := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, c := range u.Into {
			into.Content = append(into.Content, str(c))
		}
		add(up, "into", into)
		qs := mapping()
		for _, h := range f.UnpivotHeaders() {
			v := str(u.Columns[h])
			v.LineComment = lineComment(c.Columns[label][h])
			add(qs, h, v)
		}
		add(up, "columns", qs)
		add(n, "unpivot", up)
	}
	if len(f.Lookup) > 0 {
		lk := mapping()
		lk.Style = yaml.FlowStyle
		for _, c := range slices.Sorted(maps.Keys(f.Lookup)) {
			add(lk, c, str(f.Lookup[c]))
		}
		add(n, "lookup", lk)
	}
	if len(f.Split) > 0 {
		sp := mapping()
		sp.Style = yaml.FlowStyle
		for _, c := range slices.Sorted(maps.Keys(f.Split)) {
			add(sp, c, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: f.Split[c], Style: yaml.DoubleQuotedStyle})
		}
		add(n, "split", sp)
	}
	if len(f.Values) > 0 || len(f.Fixed) > 0 {
		vals := mapping()
		names := make([]string, 0, len(f.Values)+len(f.Fixed))
		for col := range f.Values {
			names = append(names, col)
		}
		for col := range f.Fixed {
			if _, both := f.Values[col]; !both {
				names = append(names, col)
			}
		}
		sort.Slice(names, func(i, j int) bool {
			return order(names[i]) < order(names[j]) || (order(names[i]) == order(names[j]) && names[i] < names[j])
		})
		for _, col := range names {
			if v, fixed := f.Fixed[col]; fixed {
				add(vals, col, str(v))
				continue
			}
			labels := make([]string, 0, len(f.Values[col]))
			for l := range f.Values[col] {
				labels = append(labels, l)
			}
			sort.Strings(labels)
			m := mapping()
			for _, l := range labels {
				v := str(f.Values[col][l])
				v.LineComment = lineComment(c.Values[label][col][l])
				add(m, l, v)
			}
			add(vals, col, m)
		}
		add(n, "values", vals)
	}
	return n
}

// columnOrder ranks a table's columns in model order; unknown ones last.
func columnOrder(table string) func(string) int {
	t, ok := model.Lookup(table)
	return func(col string) int {
		if ok {
			for i, c := range t.Columns {
				if c.Name == col {
					return i
				}
			}
		}
		return 1 << 30
	}
}

func mapping() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode} }

func scalar(v, tag string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v} }

func str(v string) *yaml.Node { return scalar(v, "!!str") }

func add(m *yaml.Node, key string, value *yaml.Node) {
	m.Content = append(m.Content, str(key), value)
}

// lineComment is s as a comment at the end of a line ("" for none).
func lineComment(s string) string {
	if s == "" {
		return ""
	}
	return "# " + s
}

// comment joins lines as a YAML comment block.
func comment(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimRight("# "+l, " ")
	}
	return strings.Join(out, "\n")
}
