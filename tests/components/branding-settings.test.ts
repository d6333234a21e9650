/**
 * Report branding in Settings: typing before the stored branding is read must not be overwritten
 * by it, so the fields wait for it (a user once saw 已保存 and lost the name typed too early).
 */
import 'fake-indexeddb/auto';
import { render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import BrandingSettings from '../../src/lib/components/BrandingSettings.svelte';
import { defaultBranding, setBranding } from '../../src/lib/storage/branding';

describe('BrandingSettings', () => {
	it('keeps its fields disabled until the stored branding is read, then shows it', async () => {
		await setBranding({ ...defaultBranding(), preparedBy: '广州某咨询公司' });
		render(BrandingSettings);
		const field = screen.getByLabelText(/编制单位/) as HTMLInputElement;
		const save = screen.getByRole('button', { name: /保存/ });
		expect(field.disabled).toBe(true);
		expect(save).toBeDisabled();
		await waitFor(() => expect(field.disabled).toBe(false));
		expect(field.value).toBe('广州某咨询公司');
		expect(save).toBeEnabled();
	});
});
