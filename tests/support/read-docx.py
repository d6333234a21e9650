"""Reads a .docx with python-docx (Debian's python3-docx), a reader independent of the `docx`
npm package that writes the report, and prints what the tests check as JSON.

Usage: /usr/bin/python3 tests/support/read-docx.py FILE.docx
"""
import json
import sys

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.oxml.ns import qn


def fonts_of(element):
    """The w:rFonts of a style's or the defaults' run properties, as a dict."""
    if element is None:
        return None
    rfonts = element.find('.//' + qn('w:rFonts'))
    if rfonts is None:
        return None
    return {key: rfonts.get(qn('w:' + key)) for key in ('ascii', 'hAnsi', 'eastAsia', 'cs')}


def main(path):
    document = docx.Document(path)
    body = document.element.body
    blocks = []
    for child in body.iterchildren():
        if child.tag == qn('w:p'):
            paragraph = Paragraph(child, document)
            blocks.append({
                'kind': 'paragraph',
                'style': paragraph.style.style_id if paragraph.style is not None else None,
                'text': paragraph.text,
                'pictures': len(child.findall('.//' + qn('w:drawing'))),
            })
        elif child.tag == qn('w:tbl'):
            table = Table(child, document)
            rows = table.rows
            first = rows[0]._tr if len(rows) else None
            header = first is not None and first.find('./' + qn('w:trPr') + '/' + qn('w:tblHeader')) is not None
            blocks.append({
                'kind': 'table',
                'headerRepeats': header,
                'rows': [[cell.text for cell in row.cells] for row in rows],
            })
        elif child.tag == qn('w:sdt'):
            instructions = ''.join(t.text or '' for t in child.iter(qn('w:instrText')))
            blocks.append({'kind': 'sdt', 'instructions': instructions.strip()})

    styles = {}
    for style in document.styles:
        element = style.element
        styles[style.style_id] = {
            'name': style.name,
            'type': str(style.type),
            'fonts': fonts_of(element.find(qn('w:rPr'))),
            'outlineLevel': (lambda o: None if o is None else int(o.get(qn('w:val'))))(
                element.find('./' + qn('w:pPr') + '/' + qn('w:outlineLvl'))),
        }
    defaults = document.styles.element.find(qn('w:docDefaults'))

    footers = []
    headers = []
    for section in document.sections:
        footer = section.footer._element if section.footer is not None else None
        footers.append({
            'text': '\n'.join(p.text for p in section.footer.paragraphs),
            'fields': [t.text.strip() for t in footer.iter(qn('w:instrText'))] if footer is not None else [],
            'linked': section.footer.is_linked_to_previous,
        })
        headers.append('\n'.join(p.text for p in section.header.paragraphs))

    settings = document.settings.element
    update = settings.find(qn('w:updateFields'))
    core = document.core_properties
    print(json.dumps({
        'core': {'title': core.title, 'subject': core.subject, 'author': core.author,
                 'keywords': core.keywords},
        'blocks': blocks,
        'styles': styles,
        'defaultFonts': fonts_of(defaults),
        'sections': len(document.sections),
        'footers': footers,
        'headers': headers,
        'updateFields': update is not None and update.get(qn('w:val'), 'true') in ('true', '1', 'on'),
        'pictures': [
            {'width': shape.width, 'height': shape.height, 'type': shape.type}
            for shape in document.inline_shapes
        ],
    }, ensure_ascii=False, default=str))


if __name__ == '__main__':
    main(sys.argv[1])
