import { describe, expect, it } from 'vitest';
import { fullWidthPunctuation as fw } from '../../src/lib/report/punctuation';

describe('full-width punctuation in Chinese text', () => {
	it('sets the half-width marks of Chinese text full-width, and their spaces go', () => {
		expect(fw('四大板块:现状与目标')).toBe('四大板块：现状与目标');
		expect(fw('已建成5G基站1.2万个,数据中心; 负责人:王明')).toBe(
			'已建成5G基站1.2万个，数据中心；负责人：王明'
		);
		expect(fw('温度 25℃ ± 2,误差')).toBe('温度 25℃ ± 2，误差');
		expect(fw('城市数字经济发展水平自评估(依据《广东省数字经济发展指引1.0》)')).toBe(
			'城市数字经济发展水平自评估（依据《广东省数字经济发展指引1.0》）'
		);
		expect(fw('比例(%)')).toBe('比例（%）');
		expect(fw('试点县(区),开展')).toBe('试点县（区），开展');
		expect(fw('是否完成?是!')).toBe('是否完成？是！');
	});

	it('leaves numbers, addresses, code and English alone', () => {
		for (const text of [
			'1,000 元',
			'时间 10:30',
			'数据中心PUE1.25;2025年',
			'差距 = max(0, 目标等级 − 现状等级)',
			'见 https://www.gd.gov.cn/a?b=1',
			'<script>alert(1)</script>',
			'Subject: 示例市',
			'Digital economy (2025): a review, in short.'
		])
			expect(fw(text), text).toBe(text);
	});
});
