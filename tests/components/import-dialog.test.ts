/**
 * The import dialog: while a backup in parts is checked it shows which part, as text and as a
 * progress bar; what it hands to the write is the plan as read, not a reactive proxy of it (a
 * proxy on each of thousands of records made writing a large backup twice as slow).
 */
import { fireEvent, render, screen } from '@testing-library/svelte';
import { types } from 'node:util';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { PreparedImport } from '../../src/lib/state/importing';
import type { ArchiveProgress } from '../../src/lib/storage/backup-archive';

const written: PreparedImport[] = [];
let finishReading: (() => void) | undefined;

vi.mock('$lib/state/tasks', () => ({
	readAnyImport: async (_file: File, onProgress: (p: ArchiveProgress) => void) => {
		onProgress({ done: 1, total: 3 });
		await new Promise<void>((resolve) => (finishReading = resolve));
		const assessment = { id: 'a1', subject: { id: 's1' } };
		const prepared: PreparedImport = {
			fileName: '备份.zip',
			plan: {
				subjects: [{ incoming: { id: 's1' } as never, status: 'new' }],
				assessments: [{ incoming: assessment as never, status: 'new' }],
				conflicts: 0
			},
			taken: { subjects: new Set(), assessments: new Set() }
		};
		return { kind: 'data', prepared };
	}
}));
vi.mock('$lib/state/importing', () => ({
	applyImport: async (prepared: PreparedImport) => {
		written.push(prepared);
		return { subjects: [{}], assessments: [{}], skipped: 0, unchanged: 0 };
	}
}));

beforeAll(() => {
	// jsdom has <dialog> without its modal methods.
	HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
		this.open = true;
	};
	HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
		this.open = false;
	};
});

describe('ImportDialog', () => {
	it('shows the part being checked, then hands the plan itself to the write', async () => {
		const { default: ImportDialog } = await import('../../src/lib/components/ImportDialog.svelte');
		const onclose = vi.fn();
		render(ImportDialog, { onclose });
		const input = document.querySelector('dialog input[type=file]') as HTMLInputElement;
		Object.defineProperty(input, 'files', { value: [new File([new Uint8Array(4)], '备份.zip')] });
		await fireEvent.change(input);
		expect(await screen.findByText('正在检查备份的第 1 / 3 部分…')).toBeInTheDocument();
		const bar = screen.getByRole('progressbar', { name: '备份检查进度' });
		expect(bar).toHaveAttribute('max', '3');
		expect(bar).toHaveAttribute('value', '1');
		finishReading!();
		expect(await screen.findByText('文件包含 1 个评估对象、1 次评估。')).toBeInTheDocument();
		expect(screen.queryByRole('progressbar')).toBeNull();
		await fireEvent.click(screen.getByRole('button', { name: '导入' }));
		await vi.waitFor(() => expect(onclose).toHaveBeenCalled());
		expect(written).toHaveLength(1);
		expect(types.isProxy(written[0]!.plan)).toBe(false);
		expect(types.isProxy(written[0]!.plan.assessments[0]!.incoming)).toBe(false);
		expect(onclose).toHaveBeenCalledWith(expect.stringContaining('已导入'));
	});
});
