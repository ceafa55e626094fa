/** The site's name and description (pages, citations). */
export const SITE_NAME = '厚生労働省 予算施策ガイド（非公式）';
export const SITE_DESCRIPTION =
  '厚生労働省が公表した予算資料を、施策ごとに1ページずつ読みやすく整理した非公式の解説サイトです。';
