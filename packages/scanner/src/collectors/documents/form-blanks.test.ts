import { describe, expect, it } from 'vitest';
import { CELL, findBlanks } from './form-blanks.js';

const labels = (lines: string[]) => findBlanks(lines).map((b) => `${b.kind}:${b.label}`);

describe('labelled blanks', () => {
  it('reads the lines, empty labels and checkboxes of a printed form (Spanish)', () => {
    expect(
      labels([
        'Nombre completo del solicitante: ______________________________',
        'Número de DPI: ____________  Fecha de nacimiento: ___/___/______',
        'No. de expediente:',
        'Ingreso mensual: Q__________',
        'Estado civil: [ ] Soltero  [ ] Casado  ☐ Unido',
        'Firma: ....................',
      ]),
    ).toEqual([
      'line:Nombre completo del solicitante',
      'line:Número de DPI',
      'line:Fecha de nacimiento',
      'empty:No. de expediente',
      'line:Ingreso mensual',
      'checkbox:Soltero',
      'checkbox:Casado',
      'checkbox:Unido',
      'line:Firma',
    ]);
  });

  it('reads a table whose label cells sit beside empty ones, and English forms', () => {
    expect(labels([`Nombre${CELL}`, `DPI${CELL}${CELL}`, `Total${CELL}Q 300.00`])).toEqual([
      'cell:Nombre',
      'cell:DPI',
    ]);
    expect(labels(['Full name: ________', 'Date of birth: __/__/____', 'Signature:'])).toEqual([
      'line:Full name',
      'line:Date of birth',
      'empty:Signature',
    ]);
  });

  it('trap: a methodology, a table of contents and filled-in labels have no blanks', () => {
    expect(
      findBlanks([
        'Metodología para el diseño de formularios institucionales',
        'Contenido',
        'Introducción ........................ 3',
        '1. Objetivo: establecer los criterios para elaborar los formularios de la institución.',
        'Fecha de aprobación: 12 de marzo de 2025',
        'Alcance:',
        'Responsable: Dirección de Planificación',
      ]),
    ).toEqual([]);
  });

  it('counts one label once', () => {
    expect(labels(['Firma: ______', 'Firma: ______', 'FIRMA: ____'])).toEqual(['line:Firma']);
  });
});
