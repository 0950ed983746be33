package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"
)

// A scaled organisation (-children N) is the sample organisation with its
// per-child exports (Kidsadmin, Konnect, KIJK!) repeated: replica 0 is the
// sample itself, replica r > 0 the same children, parents, invoices, notes,
// consents, photos, observations and transfers under ids with the suffix
// "-r" (K0001-7, PK0013-7, FAC-2018-00001-7). The privacy registers, the
// manifest, the policy and last year's results are the sample's own: an
// organisation has one register whatever its size. Every planted record of
// a repeated table is planted once per replica, so the findings an audit
// must report are known at any size (see plantedCounts); the generator
// writes them to scaleFile.
//
// Rows are written as they are made, file by file and replica by replica,
// so memory stays flat in the size.

// scaleFile is the scaled organisation's record of what it planted.
const scaleFile = "planted.json"

// replicated are the canonical tables written once per replica.
var replicated = map[string]bool{
	"admin_children": true, "admin_guardians": true, "admin_invoices": true,
	"portal_children": true, "portal_guardians": true, "portal_notes": true, "portal_consents": true, "portal_photos": true,
	"tracking_children": true, "tracking_observations": true, "tracking_transfers": true,
}

// idPattern matches a record id of a repeated table as a whole cell: child,
// portal child, tracking child, parent, note and photo numbers and invoice
// numbers. BSNs, names and dates never match.
var idPattern = regexp.MustCompile(`^(K|PK|KJ|O|N|F)[0-9]{4}$|^FAC-[0-9]{4}-[0-9]{5}$`)

// replicaID is id as replica r writes it.
func replicaID(id string, r int) string {
	if r == 0 || !idPattern.MatchString(id) {
		return id
	}
	return id + "-" + strconv.Itoa(r)
}

// Planted is what a scaled organisation holds and what its audit must find.
type Planted struct {
	Children int            `json:"children"` // children in the administration
	Replicas int            `json:"replicas"`
	Rows     map[string]int `json:"rows"`     // rows per canonical table
	Findings map[string]int `json:"findings"` // findings per check
	Total    int            `json:"total"`    // all findings
}

// replicasFor is the number of replicas that hold at least children
// children when one holds base.
func replicasFor(children, base int) int {
	return max(1, (children+base-1)/base)
}

// plantedCounts counts the findings of o's expectations in an organisation
// of k replicas: a record of a repeated table once per replica, a record of
// a register, and a finding about a column header (headers[table]), once.
func (o *Org) plantedCounts(k int, headers map[string][]string) map[string]int {
	counts := map[string]int{}
	for _, c := range checkOrder {
		counts[c] = 0
	}
	for _, e := range o.Expected {
		n := 1
		if replicated[e.Table] && !slices.Contains(headers[e.Table], e.Key()) {
			n = k
		}
		counts[e.Check] += n
	}
	return counts
}

// generateScaled writes an organisation of at least children children into
// out, with last year's results and scaleFile.
func generateScaled(out string, children int) (*Planted, error) {
	o := build()
	base := 0
	for _, c := range o.Children {
		if !c.Deleted {
			base++
		}
	}
	k := replicasFor(children, base)
	p, err := o.writeScaled(out, k)
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", out, err)
	}
	p.Children = base * k
	if _, err := writeHistory(out); err != nil {
		return nil, fmt.Errorf("last year's results: %w", err)
	}
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return nil, err
	}
	return p, os.WriteFile(filepath.Join(out, scaleFile), append(data, '\n'), 0o644)
}

// writeScaled writes o's exports with the per-child ones repeated k times,
// its registers, manifest and policy into dir.
func (o *Org) writeScaled(dir string, k int) (*Planted, error) {
	p := &Planted{Replicas: k, Rows: map[string]int{}}
	headers := map[string][]string{}
	for _, sub := range []string{"kidsadmin", "konnect", "kijk", "registers"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return nil, err
		}
	}
	text := func(rel, table string, d delimited, rowsOf func() ([]string, [][]string)) error {
		header, rows := rowsOf()
		headers[table] = header
		p.Rows[table] = len(rows) * k
		return writeDelimitedScaled(filepath.Join(dir, filepath.FromSlash(rel)), d, header, rows, k)
	}
	steps := []func() error{
		func() error { return text("kidsadmin/kinderen.csv", "admin_children", kidsadminCSV, o.adminChildren) },
		func() error { return text("kidsadmin/ouders.csv", "admin_guardians", kidsadminCSV, o.adminGuardians) },
		func() error { return text("kidsadmin/facturen.csv", "admin_invoices", kidsadminCSV, o.adminInvoices) },
		func() error {
			sheets := o.konnectSheets()
			for _, s := range sheets {
				headers[s.Table] = s.Header
				p.Rows[s.Table] = len(s.Rows) * k
			}
			return writeWorkbookScaled(filepath.Join(dir, "konnect", "konnect-export.xlsx"), sheets, k)
		},
		func() error { return text("kijk/kinderen.csv", "tracking_children", kijkCSV, o.kijkChildren) },
		func() error {
			return text("kijk/observaties.csv", "tracking_observations", kijkCSV, o.kijkObservations)
		},
		func() error { return text("kijk/overdrachten.tsv", "tracking_transfers", kijkTSV, o.kijkTransfers) },
		func() error {
			sheets := o.registerSheets()
			for _, s := range sheets {
				headers[s.Table] = s.Header
				p.Rows[s.Table] = len(s.Rows)
			}
			return writeWorkbook(filepath.Join(dir, "registers", "privacyregisters.xlsx"), sheets)
		},
		func() error {
			return os.WriteFile(filepath.Join(dir, "manifest.yaml"), []byte(o.manifestYAML()), 0o644)
		},
		func() error { return os.WriteFile(filepath.Join(dir, "policy.yaml"), []byte(policyYAML), 0o644) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	p.Findings = o.plantedCounts(k, headers)
	for _, n := range p.Findings {
		p.Total += n
	}
	return p, nil
}

// writeDelimitedScaled writes header and rows k times, replica by replica.
func writeDelimitedScaled(path string, d delimited, header []string, rows [][]string, k int) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	bw := bufio.NewWriterSize(f, 1<<20)
	if d.BOM {
		bw.WriteString("\ufeff")
	}
	w := csv.NewWriter(bw)
	w.Comma = d.Comma
	w.UseCRLF = d.CRLF
	if err := w.Write(header); err != nil {
		return err
	}
	out := make([]string, len(header))
	for r := range k {
		for _, row := range rows {
			for i, v := range row {
				out[i] = replicaID(v, r)
			}
			if err := w.Write(out[:len(row)]); err != nil {
				return err
			}
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// writeWorkbookScaled writes sheets with their rows k times through
// excelize's StreamWriter: the same cells, styles, widths and frozen
// header as writeWorkbook.
func writeWorkbookScaled(path string, sheets []sheetData, k int) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, dateStyle, stampStyle, err := sheetStyles(f)
	if err != nil {
		return err
	}
	for i, sh := range sheets {
		if n := 1 + len(sh.Rows)*k; n > excelize.TotalRows {
			return fmt.Errorf("sheet %s: %d rows, more than Excel's %d", sh.Name, n, excelize.TotalRows)
		}
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.Name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(sh.Name); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(sh.Name)
		if err != nil {
			return err
		}
		widths := make([]int, len(sh.Header))
		for c, h := range sh.Header {
			widths[c] = len([]rune(h))
		}
		for _, row := range sh.Rows {
			for c, v := range row {
				switch v := v.(type) {
				case string:
					widths[c] = max(widths[c], len([]rune(v)))
				case dateCell:
					widths[c] = max(widths[c], 10)
				case stampCell:
					widths[c] = max(widths[c], 16)
				}
			}
		}
		for c, w := range widths {
			if err := sw.SetColWidth(c+1, c+1, float64(min(w, 60))+2); err != nil {
				return err
			}
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
		head := make([]any, len(sh.Header))
		for c, h := range sh.Header {
			head[c] = excelize.Cell{StyleID: bold, Value: h}
		}
		if err := sw.SetRow("A1", head); err != nil {
			return err
		}
		n := 1
		cells := make([]any, len(sh.Header))
		for r := range k {
			for _, row := range sh.Rows {
				for c, v := range row {
					switch v := v.(type) {
					case string:
						if v == "" {
							cells[c] = nil
						} else {
							cells[c] = replicaID(v, r)
						}
					case dateCell:
						cells[c] = timeCell(time.Time(v), dateStyle)
					case stampCell:
						cells[c] = timeCell(time.Time(v), stampStyle)
					default:
						return fmt.Errorf("sheet %s: unsupported cell type %T", sh.Name, v)
					}
				}
				n++
				ref, _ := excelize.CoordinatesToCellName(1, n)
				if err := sw.SetRow(ref, cells[:len(row)]); err != nil {
					return err
				}
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	return f.SaveAs(path)
}

// timeCell is a date cell with style, or an empty cell for the zero time.
func timeCell(t time.Time, style int) any {
	if t.IsZero() {
		return nil
	}
	return excelize.Cell{StyleID: style, Value: t}
}
