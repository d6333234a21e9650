#!/usr/bin/env node
// Package entry for the command line: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
// The specifier is built at run time so that type checkers do not resolve a .ts import here.
const entry = './main' + '.ts';
await import(entry);
