package ingest

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"

	duckdb "github.com/duckdb/duckdb-go/v2"

	"github.com/avgaudit/avgaudit/manifest"
	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/values"
)

// More meta tables: what each export's header held, and where BSNs turned
// up outside the administration.
const (
	// ColumnsTable has one row per header cell of every input: its position,
	// the export's header and the canonical column it fills (NULL if skipped),
	// so checks can look at what an export contains besides what was loaded
	// (a "Religie" column, say).
	ColumnsTable = "_columns"
	// BSNHitsTable has one row per export column outside the administration
	// in which at least one cell holds a valid BSN (see values.ContainsBSN):
	// how many cells and the first row. The values themselves are not kept.
	BSNHitsTable = "_bsn_hits"
)

func metaTablesSQL() []string {
	return []string{
		"CREATE TABLE " + ColumnsTable + " (file VARCHAR, sheet VARCHAR, table_name VARCHAR, header_row BIGINT, position BIGINT, header VARCHAR, column_name VARCHAR)",
		"CREATE TABLE " + BSNHitsTable + " (system VARCHAR, file VARCHAR, sheet VARCHAR, table_name VARCHAR, header VARCHAR, column_name VARCHAR, hits BIGINT, first_row BIGINT)",
	}
}

// ColumnInfo is one header cell of an input.
type ColumnInfo struct {
	File, Sheet, Table string
	HeaderRow          int // the row (line) of the header in the file
	Position           int // 1-based
	Header             string
	Column             string // canonical column, "" if not loaded
}

// BSNHit counts the cells of one export column that hold a BSN.
type BSNHit struct {
	System, File, Sheet, Table string
	Header, Column             string
	Hits, FirstRow             int
}

// bsnScan counts, per export column, the cells that hold a BSN. Columns
// loaded as dates, timestamps, amounts or booleans are not scanned: their
// values are parsed as such and cannot hold a BSN.
type bsnScan struct {
	skip  []bool
	hits  []int
	first []int
}

// newBSNScan returns nil for the administration, the one system that may
// hold BSNs.
func newBSNScan(f *manifest.File, t *model.Table, plan columnPlan) *bsnScan {
	if f.System == "admin" {
		return nil
	}
	s := &bsnScan{skip: make([]bool, plan.width), hits: make([]int, plan.width), first: make([]int, plan.width)}
	for ci, src := range plan.source {
		if src < 0 {
			continue
		}
		switch t.Columns[ci].Type {
		case model.Date, model.Timestamp, model.Decimal, model.Bool:
			s.skip[src] = true
		}
	}
	return s
}

func (s *bsnScan) row(rowNum int, cells []string) {
	if s == nil {
		return
	}
	for i, c := range cells {
		if i >= len(s.skip) || s.skip[i] || len(c) < 9 {
			continue
		}
		if values.ContainsBSN(c) {
			if s.hits[i] == 0 {
				s.first[i] = rowNum
			}
			s.hits[i]++
		}
	}
}

// columnInfos describes the header of one input and, with the scan, where
// BSNs were found.
func columnInfos(f *manifest.File, t *model.Table, plan columnPlan, headerRow int, header []string, scan *bsnScan) ([]ColumnInfo, []BSNHit) {
	canonical := make([]string, len(header))
	for ci, src := range plan.source {
		if src >= 0 && src < len(canonical) {
			canonical[src] = t.Columns[ci].Name
		}
	}
	label := f.Label()
	var cols []ColumnInfo
	var hits []BSNHit
	for i, raw := range header {
		h := values.MaskBSNsInText(text(strings.TrimPrefix(raw, utf8BOM)))
		// A column without a header still counts when it holds BSNs.
		if scan != nil && i < len(scan.hits) && scan.hits[i] > 0 {
			hits = append(hits, BSNHit{System: f.System, File: label, Sheet: f.Sheet, Table: t.Name, Header: h, Column: canonical[i],
				Hits: scan.hits[i], FirstRow: scan.first[i]})
		}
		if h == "" && canonical[i] == "" {
			continue
		}
		cols = append(cols, ColumnInfo{File: label, Sheet: f.Sheet, Table: t.Name, HeaderRow: headerRow, Position: i + 1, Header: h, Column: canonical[i]})
	}
	return cols, hits
}

func recordColumns(ctx context.Context, conn *sql.Conn, res *Result) error {
	return conn.Raw(func(dc any) error {
		app, err := duckdb.NewAppenderFromConn(dc.(driver.Conn), "", ColumnsTable)
		if err != nil {
			return fmt.Errorf("record columns: %w", err)
		}
		for _, c := range res.Columns {
			if err := app.AppendRow(c.File, c.Sheet, c.Table, int64(c.HeaderRow), int64(c.Position), nullIfEmpty(c.Header), nullIfEmpty(c.Column)); err != nil {
				_ = app.Close()
				return fmt.Errorf("record columns: %w", err)
			}
		}
		if err := app.Close(); err != nil {
			return fmt.Errorf("record columns: %w", err)
		}
		app, err = duckdb.NewAppenderFromConn(dc.(driver.Conn), "", BSNHitsTable)
		if err != nil {
			return fmt.Errorf("record BSN hits: %w", err)
		}
		for _, h := range res.BSNHits {
			if err := app.AppendRow(h.System, h.File, h.Sheet, h.Table, nullIfEmpty(h.Header), nullIfEmpty(h.Column), int64(h.Hits), int64(h.FirstRow)); err != nil {
				_ = app.Close()
				return fmt.Errorf("record BSN hits: %w", err)
			}
		}
		if err := app.Close(); err != nil {
			return fmt.Errorf("record BSN hits: %w", err)
		}
		return nil
	})
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
